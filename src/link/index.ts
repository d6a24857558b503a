import { isStatement } from "../extract/boilerplate.ts";
import type { Store } from "../store/types.ts";
import { EchoIndex, minhash, wireCredit } from "./echo.ts";
import { Linker, type LinkerOptions } from "./linker.ts";
import { buildStory, sourceKey, type Story } from "./story.ts";
import { NameBook, refreshSummaries, storedSources, storyPage } from "./summaries.ts";
import { claimTerms } from "./terms.ts";

export { Linker, type LinkerOptions } from "./linker.ts";
export { EchoIndex, minhash, wireCredit } from "./echo.ts";
export { claimTerms, countedKey } from "./terms.ts";
export { currentSummaries, refreshSummaries, storedSources, storyPage, summaryPage, propositionsOf, type PropositionSummaryJson } from "./summaries.ts";
export { buildStory, sourceKey, type Story, type Proposition, type SourceSummary, type StoryClaim, type LinkedRecord, type PropositionStatus } from "./story.ts";

/** What one linking step did: documents and claims linked, and the propositions there are now. */
export interface LinkResult {
  documents: number;
  claims: number;
  propositions: number;
}

/**
 * The linking state of a store, held in memory: the linker and the echo index, rebuilt once from what
 * the store kept (terms and signatures, no re-analysis). `linkNew` then compares only the documents
 * stored since, each by index lookups rather than against every other document; a long-lived process
 * (a server, a worker) keeps the session and links each new article in milliseconds. Each `linkNew`
 * holds the store's link lock and first reads what other processes linked since (by link number), so
 * several processes linking into one store number propositions as one linker would.
 */
export class LinkSession {
  readonly store: Store;
  #linker: Linker;
  #echoes = new EchoIndex();
  /** Outlet and wire credit of every linked document, to tell an original from its copy. */
  #credits = new Map<string, { outlet?: string; wire?: string; echoOf?: string }>();
  /** The last link number this session has seen. */
  #seq = 0;
  /** The story's names, to resolve each new document's sources as the whole story would. */
  #names = new NameBook();

  constructor(store: Store, options: LinkerOptions = {}) {
    this.store = store;
    this.#linker = new Linker(options);
  }

  /** Reads what was linked since this session last looked, by this process or another. */
  async #catchUp(): Promise<void> {
    const state = await this.store.linkedSince(this.#seq);
    for (const c of state.claims) this.#linker.add(c.terms, c.proposition);
    for (const d of state.documents) {
      // what an earlier linker found it echoing is stored: it is only indexed, for the documents to come
      if (!this.#credits.has(d.id)) this.#echoes.index(d.id, d.minhash);
      this.#credits.set(d.id, { outlet: d.outlet, wire: d.wire, echoOf: d.echoOf });
    }
    this.#names.catchUp(state.registry, state.resolved);
    this.#seq = state.seq;
  }

  linkNew(): Promise<LinkResult> {
    return this.store.exclusive(() => this.#link());
  }

  /**
   * `linkNew` unless another process is linking now: then undefined at once. That one links every
   * unlinked document, this process's too, so a worker goes on analysing rather than waiting its turn.
   */
  async linkNewIfFree(): Promise<LinkResult | undefined> {
    return (await this.store.tryExclusive(() => this.#link()))?.value;
  }

  async #link(): Promise<LinkResult> {
    // summaries left behind (a store linked before they were kept, a linker stopped midway) first,
    // so that the names this session reads are the story's
    await refreshSummaries(this.store);
    await this.#catchUp();
    let documents = 0;
    let claims = 0;
    for (const doc of await this.store.unlinkedDocuments()) {
      const text = (await this.store.documentText(doc.id)) ?? "";
      const signature = minhash(text);
      const wire = wireCredit(text);
      this.#credits.set(doc.id, { outlet: doc.outlet, wire });
      const echoOf = await this.#originalOf(doc.id, this.#echoes.add(doc.id, signature));
      this.#credits.get(doc.id)!.echoOf = echoOf;
      // page furniture (a byline, a section label) is no statement, so it joins no proposition
      const statements = (await this.store.claimsToLink(doc.id)).filter(({ record }) => isStatement(record));
      const { locals, changes } = this.#names.document({ ...doc, wire: this.#wireOf(doc.id) }, statements.map((s) => s.record));
      const linked = statements.map(({ id, record }, i) => {
        const terms = claimTerms(record);
        return { id, terms, proposition: this.#linker.add(terms, undefined, record.doc), names: locals[i] };
      });
      this.#seq = await this.store.saveLinks(doc.id, { minhash: signature, echoOf, wire }, linked, changes);
      documents++;
      claims += linked.length;
    }
    await refreshSummaries(this.store);
    return { documents, claims, propositions: this.#linker.propositionCount };
  }

  /**
   * What a new document copies, among the earlier near-duplicates found for it. An earlier text that
   * credits the new document's outlet ("(Meridian Press)") is a copy that happened to arrive first, so
   * it becomes the new document's echo; the first other one, followed to its own original, is what
   * the new document copies.
   */
  async #originalOf(id: string, found: string[]): Promise<string | undefined> {
    const outlet = this.#credits.get(id)?.outlet;
    let original: string | undefined;
    for (const earlier of found) {
      const e = this.#credits.get(earlier)!;
      if (outlet && e.wire && !e.echoOf && sourceKey(e.wire) === sourceKey(outlet) && sourceKey(e.outlet ?? "") !== sourceKey(outlet)) {
        e.echoOf = id;
        await this.store.setEchoOf(earlier, id);
      } else original ??= this.#rootOf(earlier);
    }
    return original === id ? undefined : original;
  }

  /** The wire a document's claims are credited to as the store reads it: its own credit, else the credit or outlet of what it copies. */
  #wireOf(id: string): string | undefined {
    const own = this.#credits.get(id);
    const original = own?.echoOf ? this.#credits.get(own.echoOf) : undefined;
    return own?.wire ?? original?.wire ?? original?.outlet;
  }

  /** A copy of a copy is a copy of the original. */
  #rootOf(id: string): string {
    let root = id;
    for (let hops = 0; this.#credits.get(root)?.echoOf && hops < 10; hops++) root = this.#credits.get(root)!.echoOf!;
    return root;
  }
}

/** Links whatever the store holds that is not linked yet. */
export const linkStore = (store: Store, options: LinkerOptions = {}) => new LinkSession(store, options).linkNew();

/** The whole story as it stands in the store, made from every claim at once: for small stores and tests (the views page the stored summaries). */
export const storyOf = async (store: Store): Promise<Story> => buildStory(await store.linkedRecords());

/** The whole story from the stored summaries: every proposition (made from its members) and every source. */
export async function storedStory(store: Store): Promise<Story> {
  const { propositions } = await storyPage(store);
  return { propositions, sources: (await storedSources(store)).sources };
}
