import { snippetParts } from '../../src/domain/snippet';

/** A search snippet with its matches marked; everything is rendered as text. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {snippetParts(text).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}
