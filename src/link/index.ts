import type { Store } from "../store/sqlite.ts";
import { EchoIndex, minhash, wireCredit } from "./echo.ts";
import { Linker, type LinkerOptions } from "./linker.ts";
import { buildStory, type Story } from "./story.ts";
import { claimTerms } from "./terms.ts";

export { Linker, type LinkerOptions } from "./linker.ts";
export { EchoIndex, minhash, wireCredit } from "./echo.ts";
export { claimTerms, countedKey } from "./terms.ts";
export { buildStory, sourceKey, type Story, type Proposition, type SourceSummary, type StoryClaim, type LinkedRecord } from "./story.ts";

/**
 * The linking state of a store, held in memory: the linker and the echo index, rebuilt once from what
 * the store kept (terms and signatures, no re-analysis). `linkNew` then compares only the documents
 * stored since, each by index lookups rather than against every other document; a long-lived process
 * (a server, a worker) keeps the session and links each new article in milliseconds.
 */
export class LinkSession {
  readonly store: Store;
  #linker: Linker;
  #echoes = new EchoIndex();

  constructor(store: Store, options: LinkerOptions = {}) {
    this.store = store;
    this.#linker = new Linker(options);
    for (const c of store.linkedTerms()) this.#linker.add(c.id, c.terms, c.proposition);
    for (const d of store.documentSignatures()) this.#echoes.add(d.id, d.minhash);
  }

  linkNew(): { documents: number; claims: number; propositions: number } {
    let documents = 0;
    let claims = 0;
    for (const doc of this.store.unlinkedDocuments()) {
      const signature = minhash(doc.text);
      const echoOf = this.#echoes.add(doc.id, signature);
      const linked = this.store.claimsToLink(doc.id).map(({ id, record }) => {
        const terms = claimTerms(record);
        return { id, terms, proposition: this.#linker.add(id, terms) };
      });
      this.store.saveLinks(doc.id, { minhash: signature, echoOf, wire: wireCredit(doc.text) }, linked);
      documents++;
      claims += linked.length;
    }
    return { documents, claims, propositions: this.#linker.propositionCount };
  }
}

/** Links whatever the store holds that is not linked yet. */
export const linkStore = (store: Store, options: LinkerOptions = {}) => new LinkSession(store, options).linkNew();

/** The story as it stands in the store. */
export const storyOf = (store: Store): Story => buildStory(store.linkedRecords());
