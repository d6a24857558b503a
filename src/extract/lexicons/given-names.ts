// Common given names that are, in English-language news, used overwhelmingly for one gender. A pronoun
// ("she said") can only point back to a person whose gender does not contradict it; names used for
// both (Jordan, Alex, Taylor, Robin) are left out, so their bearers stay compatible with either.

export const MALE_NAMES: ReadonlySet<string> = new Set(
  (
    "aaron abdul abdullah adam adrian ahmed alan albert alexander alexei alfred ali andre andrew andrei angus anthony antonio " +
    "arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brian bruce bryan carl " +
    "carlos charles charlie chris christopher chuck clarence claude colin craig dan daniel darren dave david dean dennis " +
    "derek dick dmitry don donald doug douglas duncan dwight ed eddie edward elijah emmanuel eric ernest eugene evan frank " +
    "fred frederick gabriel gary gavin george gerald gordon graham greg gregory hans harold harry hassan henry herbert howard " +
    "hugh hussein ian igor isaac ivan jack jacob jake james jason jean-claude jeb jeff jeffrey jeremy jerome jerry jesse jim " +
    "jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin karl keith ken kenneth kevin " +
    "kirk kurt lance larry lawrence leon leonard lloyd louis luis luke malcolm marco marcus mario mark martin matt " +
    "matthew max michael miguel mike mitch mitt mohammed muhammad nathan neil nicholas nick nigel norman oliver omar oscar " +
    "patrick paul pedro pete peter phil philip pierre rafael ralph ramon randy ray raymond reince rex richard rick rob robert " +
    "rodney roger roland ron ronald roy rudy rupert russell ryan sam samuel scott sean sergei sergey seth simon stanley steve " +
    "steven stuart ted terence terry thomas tim timothy todd tom tommy tony travis trey troy vincent vladimir walter warren " +
    "wayne william willie xi yuri zachary"
  ).split(" "),
);

export const FEMALE_NAMES: ReadonlySet<string> = new Set(
  (
    "abigail alice alicia alison amanda amy ana andrea angela angelina ann anna anne annette barbara betsy betty beverly " +
    "brenda bridget carla carly carmen carol caroline carolyn catherine cathy charlotte cheryl christina christine claire " +
    "claudia condoleezza cynthia daisy deborah debbie debra denise diana diane donna doris dorothy elaine eleanor elena " +
    "elisabeth elizabeth ellen emily emma erin eva evelyn fatima frances gabrielle gina gloria grace hannah heather heidi " +
    "helen hillary holly irene iris isabel jacqueline jane janet janice jean jennifer jessica jill joan joanna joyce " +
    "judith judy julia julie karen kate katherine kathleen kathryn kathy katie kelly kellyanne kimberly kirsten kristen laura " +
    "lauren linda lisa loretta louise lucy lynn madeleine margaret maria marie marilyn martha mary megan melania melissa " +
    "michelle monica nancy natalie nicole nikki nina olga pamela patricia paula pauline rachel rebecca rita rosa rose ruth " +
    "sabrina sally samantha sandra sara sarah sharon shirley sofia sophie stephanie susan suzanne sylvia tammy teresa theresa " +
    "tiffany tina tulsi valerie vanessa victoria virginia wendy yulia yvonne"
  ).split(" "),
);

/** Titles that say a person's gender: "Mrs. Clinton", "Mr. Trump". */
export const MALE_TITLES: ReadonlySet<string> = new Set(["mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"]);
export const FEMALE_TITLES: ReadonlySet<string> = new Set(["mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen", "princess", "sister"]);

/** A given name of either list: "Norman", "Mark", "Rose" open a person's name even where they are also common words. */
export const isGivenName = (lower: string): boolean => MALE_NAMES.has(lower) || FEMALE_NAMES.has(lower);
