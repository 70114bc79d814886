import { achAnnexHtml } from './ach-annex';
import { assumptionsAnnexHtml } from './assumptions-annex';
import { indicatorsAnnexHtml } from './indicators-annex';
import { YARDSTICK_LABELS } from '../domain/briefing';
import { STANCE_LABELS, YARDSTICK_TERMS, describeLikelihood, describeRange, likelihoodTerm } from '../domain/judgement';
import { SOURCE_KIND_LABELS } from '../domain/source';
import { DRAFT_MARK, caveatsOf, derivationText, titleFacts } from './product-page';
import { analysisLineOf } from './analysis-line';
import type { BriefingDocument } from './document';
import { escapeHtml } from './escape';
import { blocksHtml, type HtmlBodyContext } from './html-body';
import {
  annexCaptureText,
  annexCitedCaptureLines,
  annexIdentifiers,
  annexSnapshotText,
  snapshotAltered,
  type ExportModel,
  type ExportSource,
} from './model';
import { CONFIDENCE_LEVEL_NAMES, MISSING_SOURCE, References, evidenceGrade, noteParts, type ResolvedNote } from './references';

/** The pieces of the exported document as HTML fragments, shared by print and standalone HTML. */
export interface HtmlSections {
  /** The DRAFT watermark while the briefing is a draft (fixed, so print repeats it on every page); else empty. */
  readonly draftMark: string;
  readonly titleBlock: string;
  readonly summary: string;
  readonly judgements: string;
  readonly body: string;
  readonly notes: string;
  readonly sourcingAnnex: string;
  readonly yardstickAnnex: string;
  readonly achAnnex: string;
  readonly assumptionsAnnex: string;
  readonly indicatorsAnnex: string;
}

const e = escapeHtml;

function titleBlock(model: ExportModel): string {
  const b = model.briefing;
  const facts = titleFacts(b);
  const dissemination = b.dissemination.trim()
    ? `\n<p class="dissemination"><span class="label">Dissemination:</span> ${e(b.dissemination.trim())}</p>`
    : '';
  return `<header class="title-block">
<p class="product-type">${e(b.typeName)}</p>
<h1 class="title">${e(b.title)}</h1>
<dl class="title-facts">${facts.map(([label, value]) => `<div><dt>${label}</dt><dd>${value ? e(value) : '—'}</dd></div>`).join('')}</dl>${dissemination}
</header>`;
}

function draftMark(model: ExportModel): string {
  return model.briefing.status === 'draft' ? `<div class="draft-watermark" aria-hidden="true">${DRAFT_MARK}</div>` : '';
}

function caveats(model: ExportModel, judgementId: string): string {
  return caveatsOf(model, judgementId)
    .map((text) => `<p class="judgement-caveat" role="note"><span class="label">Caveat:</span> ${e(text)}</p>`)
    .join('');
}

function analysis(model: ExportModel, judgementId: string): string {
  const line = analysisLineOf(model, judgementId);
  return line === null ? '' : `<p class="judgement-analysis"><span class="label">Analysis:</span> ${e(line)}</p>`;
}

function summary(model: ExportModel): string {
  if (model.briefing.summary.trim() === '') return '';
  const paragraphs = model.briefing.summary.split(/\n{2,}/).map((part) => `<p>${e(part).replace(/\n/g, '<br>')}</p>`);
  return `<section class="summary" aria-labelledby="summary-heading"><h2 id="summary-heading">Summary</h2>${paragraphs.join('')}</section>`;
}

function judgements(model: ExportModel, refs: References): string {
  const items = model.judgements.map((judgement, index) => {
    const term = likelihoodTerm(model.briefing.yardstick, judgement.likelihood);
    const evidence = judgement.evidence.map((link) => {
      const annex = refs.evidenceAnnex(link);
      const target = annex === null ? `<span class="missing-source">${MISSING_SOURCE}</span>` : `<a href="#source-${annex}">S${annex}</a>`;
      const label = link.item.kind === 'quote' ? `“${e(truncate(link.item.text, 160))}”` : e(link.item.text);
      return `<li><span class="stance stance--${link.stance}">${STANCE_LABELS[link.stance]}</span> ${target} · ${e(evidenceGrade(link))} · ${label}${link.note ? ` <span class="evidence-note">(${e(link.note)})</span>` : ''}</li>`;
    });
    return `<li class="judgement" id="judgement-${index + 1}">
<p class="judgement-statement"><span class="judgement-number">KJ${index + 1}.</span> ${e(judgement.statement)}</p>
<dl class="judgement-facts">
<div><dt>Likelihood</dt><dd>${term ? e(describeLikelihood(term)) : 'Not stated'}</dd></div>
<div><dt>Confidence</dt><dd>${judgement.confidence ? CONFIDENCE_LEVEL_NAMES[judgement.confidence] : 'Not stated'}</dd></div>
</dl>
${caveats(model, judgement.id)}
${analysis(model, judgement.id)}
${judgement.rationale.trim() ? `<p class="judgement-rationale"><span class="label">Rationale:</span> ${e(judgement.rationale)}</p>` : ''}
<div class="judgement-evidence"><span class="label">Evidence:</span>${evidence.length > 0 ? `<ul>${evidence.join('')}</ul>` : ' <span class="no-evidence">none linked</span>'}</div>
</li>`;
  });
  const content =
    items.length > 0 ? `<ol class="judgements">${items.join('\n')}</ol>` : '<p class="muted">No key judgements have been recorded.</p>';
  return `<section class="kj-box" aria-labelledby="kj-heading"><h2 id="kj-heading">Key Judgements</h2>${content}</section>`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function notes(resolved: readonly ResolvedNote[]): string {
  if (resolved.length === 0) return '';
  const items = resolved.map((note) => {
    const parts = noteParts(note);
    const quote = parts.quote === null ? '' : `“${e(parts.quote)}” `;
    const detail =
      note.state === 'live'
        ? e(parts.detail).replace(`Source S${note.annex}`, `Source <a href="#source-${note.annex}">S${note.annex}</a>`)
        : `<span class="missing-source">${MISSING_SOURCE}</span>`;
    return `<li id="note-${note.note}" value="${note.note}">${quote}${detail} <a class="back-ref" href="#ref-${note.note}" aria-label="Back to note ${note.note} in the text">↩</a></li>`;
  });
  return `<section class="notes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ol class="note-list">${items.join('\n')}</ol></section>`;
}

/** The work's DOI and ISBN under its address, in the address's face. */
function identifiersLine(source: ExportSource): string {
  const identifiers = annexIdentifiers(source);
  return identifiers === '' ? '' : `<br><span class="annex-url">${e(identifiers)}</span>`;
}

/** The archive's capture facts under the hash, in the annex's text face rather than the hash's. */
function captureLine(capture: string | null): string {
  return capture === null ? '' : `<br><span class="annex-capture">${e(capture)}</span>`;
}

function sourcingAnnex(model: ExportModel, refs: References): string {
  if (model.sources.length === 0)
    return `<section class="annex" aria-labelledby="annex-a"><h2 id="annex-a">Annex A: Sourcing</h2><p class="muted">No sources are cited or linked.</p></section>`;
  const rows = model.sources.map(
    (source, index) => `<tr id="source-${index + 1}">
<td class="annex-id">S${index + 1}</td>
<td><span class="annex-title">${e(source.title)}</span><br><span class="annex-meta">${e([SOURCE_KIND_LABELS[source.kind], source.author, source.publisher, source.publishedDate ?? ''].filter((part) => part !== '').join(' · '))}</span>${
      source.url ? `<br><span class="annex-url">${e(source.url)}</span>` : ''
    }${identifiersLine(source)}${derivation(source, refs)}</td>
<td>${source.accessedDate ? e(source.accessedDate) : '—'}</td>
<td class="${snapshotAltered(source) ? 'annex-sha hash-mismatch' : 'annex-sha'}">${e(annexSnapshotText(source))}${captureLine(annexCaptureText(source))}${annexCitedCaptureLines(
      source,
    )
      .map((line) => captureLine(line))
      .join('')}</td>
<td class="annex-grade">${source.reliability ? e(source.reliability) : 'Ungraded'}</td>
</tr>`,
  );
  return `<section class="annex" aria-labelledby="annex-a"><h2 id="annex-a">Annex A: Sourcing</h2>
<table class="annex-table"><thead><tr><th scope="col">Ref</th><th scope="col">Source and URL</th><th scope="col">Accessed</th><th scope="col">Snapshot SHA-256</th><th scope="col">Grade</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
<p class="annex-key">Grades follow the Admiralty code (STANAG 2511): source reliability A–F, information credibility 1–6, written together as e.g. B2.</p></section>`;
}

function derivation(source: ExportModel['sources'][number], refs: References): string {
  const text = derivationText(source, (id) => refs.annexNumber(id));
  return text ? `<br><span class="annex-derivation">${e(text)}</span>` : '';
}

function yardstickAnnex(model: ExportModel): string {
  const yardstick = model.briefing.yardstick;
  const rows = YARDSTICK_TERMS[yardstick].map((term) => `<tr><td>${e(term.words.join(' / '))}</td><td>${e(describeRange(term))}</td></tr>`);
  return `<section class="annex" aria-labelledby="annex-b"><h2 id="annex-b">Annex B: Probability yardstick (${e(YARDSTICK_LABELS[yardstick])})</h2>
<table class="yardstick-table"><thead><tr><th scope="col">Term</th><th scope="col">Probability</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="annex-key">Confidence (high, moderate, low) reflects the quality and corroboration of the information, and is stated separately from likelihood.</p></section>`;
}

/** Renders every part of the document; `doc` is the body tree read from the model's Lexical state. */
export function htmlSections(model: ExportModel, doc: BriefingDocument): HtmlSections {
  const refs = new References(model);
  const resolved = doc.notes.map((note) => refs.resolve(note));
  const ctx: HtmlBodyContext = {
    notes: new Map(resolved.map((note) => [note.note, note])),
    images: new Map(model.images.map((image) => [image.id, image])),
  };
  return {
    draftMark: draftMark(model),
    titleBlock: titleBlock(model),
    summary: summary(model),
    judgements: judgements(model, refs),
    body: `<div class="body">${blocksHtml(doc.blocks, ctx)}</div>`,
    notes: notes(resolved),
    sourcingAnnex: sourcingAnnex(model, refs),
    yardstickAnnex: yardstickAnnex(model),
    achAnnex: achAnnexHtml(model),
    assumptionsAnnex: assumptionsAnnexHtml(model),
    indicatorsAnnex: indicatorsAnnexHtml(model),
  };
}

/** The document's parts in reading order, as both the print page and the standalone page lay them out. */
export function joinSections(parts: HtmlSections): string {
  return [
    parts.draftMark,
    parts.titleBlock,
    parts.summary,
    parts.judgements,
    parts.body,
    parts.notes,
    parts.sourcingAnnex,
    parts.yardstickAnnex,
    parts.achAnnex,
    parts.assumptionsAnnex,
    parts.indicatorsAnnex,
  ].join('\n');
}
