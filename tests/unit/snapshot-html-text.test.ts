import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCapturedText } from '../../src/snapshot/charset';
import { HTML_MAX_DEPTH, HtmlTooDeepError, htmlToText } from '../../src/snapshot/html-text';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/snapshots/${name}`, import.meta.url));
const text = (html: string): string => htmlToText(html).text;

/** What a reader sees in hostile.html: every line is asserted, in order. */
const HOSTILE_TEXT = [
  'Statement on the <script> incident',
  '',
  'Inline script removed; text & entities stay: 日本 © 2024, Café.',
  '',
  'Image: after the image.',
  '',
  'A link text in a sentence.',
  '',
  'The payload <img src=x onerror=alert(1)> is quoted as visible text.',
  '',
  '日本語の文章です。東京で会議が開かれた。',
  '',
  '한국어 문장입니다. 서울에서 회의가 열렸다.',
  '',
  'line one',
  '    indented   line two',
  '',
  'First item',
  'Second item',
  '',
  'Country\tCapital',
  'Japan\tTokyo',
  '',
  'Line',
  'break and collapsed whitespace.',
].join('\n');

describe('htmlToText on a hostile page', () => {
  const result = htmlToText(decodeCapturedText(fixture('hostile.html'), { html: true }).text);

  it('keeps exactly the text a reader sees', () => {
    expect(result.text).toBe(HOSTILE_TEXT);
    expect(result.title).toBe('Hostile & friendly — 日本');
  });

  it('drops script, style, SVG, iframe, hidden, template, comment and fallback content', () => {
    for (const marker of [
      'HEAD-SCRIPT',
      'STYLE-URL',
      'STYLE-CONTENT',
      'META-REFRESH',
      'BODY-ONLOAD',
      'SVG-ONLOAD',
      'SVG-SCRIPT',
      'SVG-TEXT',
      'IFRAME',
      'LINK',
      'CLICK',
      'HIDDEN-ATTR',
      'ARIA-HIDDEN',
      'DISPLAY-NONE',
      'NOSCRIPT-CONTENT',
      'TEMPLATE-CONTENT',
      'COMMENT-CONTENT',
      'OBJECT-FALLBACK',
      'MATH-CONTENT',
      'javascript:',
      'alert("',
      "alert('",
    ]) {
      expect(result.text).not.toContain(marker);
      expect(result.title).not.toContain(marker);
    }
  });

  it('is already NFC (the decomposed é became one character)', () => {
    expect(result.text).toContain('Caf\u00e9');
    expect(result.text.normalize('NFC')).toBe(result.text);
  });
});

describe('htmlToText layout', () => {
  it.each([
    ['<p>one</p><p>two</p>', 'one\n\ntwo'],
    ['<div>one</div><div>two</div>', 'one\ntwo'],
    ['<div>a<br>b<br><br>c</div>', 'a\nb\n\nc'],
    ['<p>a<br></p><p>b</p>', 'a\n\nb'],
    ['<h1>Title</h1>Body text', 'Title\n\nBody text'],
    ['<ul><li>one<li>two<ul><li>nested</li></ul></li><li>three</li></ul>after', 'one\ntwo\nnested\nthree\n\nafter'],
    ['<ol><li>first</li><li>second</li></ol>', 'first\nsecond'],
    ['<dl><dt>Term</dt><dd>Definition</dd></dl>', 'Term\nDefinition'],
    ['<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td></td><td>e</td></tr></table>', 'a\tb\nc\te'],
    ['<blockquote>quoted</blockquote>said', 'quoted\n\nsaid'],
    ['<section><article><p>deep</p></article></section><p>next</p>', 'deep\n\nnext'],
    ['<p>x</p><hr><p>y</p>', 'x\n\ny'],
    ['a <b>bold</b> and <i>italic</i>!', 'a bold and italic!'],
    ['<span>no</span><span>space</span>', 'nospace'],
    ['  lots   of\n\n\t whitespace  ', 'lots of whitespace'],
    ['<p>  padded  </p>', 'padded'],
    ['a&nbsp;&nbsp;b', 'a  b'],
    ['<pre>\nkeep   this\n  and this\n</pre>', 'keep   this\n  and this'],
    ['<pre>\n\ntwo leading newlines</pre>', 'two leading newlines'],
    ['<p>before</p><pre>  code</pre><p>after</p>', 'before\n\n  code\n\nafter'],
    ['<textarea>\n  typed  text</textarea>', 'typed  text'],
    ['line\r\nbreaks\rnormalised', 'line breaks normalised'],
    ['<pre>a\r\nb</pre>', 'a\nb'],
  ])('%j → %j', (html, expected) => {
    expect(text(html)).toBe(expected);
  });
});

describe('htmlToText drops what is not visible text', () => {
  it.each([
    ['<script>var a = "</p>visible?";</script>shown', 'shown'],
    ['<SCRIPT type="text/javascript">alert(1)</SCRIPT>shown', 'shown'],
    ['<style>p { color: red }</style>shown', 'shown'],
    ['<noscript><p>enable JS</p></noscript>shown', 'shown'],
    ['<template><p>tpl</p></template>shown', 'shown'],
    ['<svg><title>svg title</title><text>t</text></svg>shown', 'shown'],
    ['<math><mi>x</mi></math>shown', 'shown'],
    ['<iframe srcdoc="<p>inner</p>">fallback</iframe>shown', 'shown'],
    ['<object data="x">fallback</object>shown', 'shown'],
    ['<video><p>no video</p></video>shown', 'shown'],
    ['<p hidden>no</p>shown', 'shown'],
    ['<p hidden="until-found">no</p>shown', 'shown'],
    ['<div aria-hidden="true">no</div><div aria-hidden="false">shown</div>', 'shown'],
    ['<span style="color: red; display:none !important">no</span>shown', 'shown'],
    ['<span style="visibility: hidden">no</span>shown', 'shown'],
    ['<span style="display: inline">shown</span>', 'shown'],
    ['<dialog>closed</dialog><dialog open>shown</dialog>', 'shown'],
    ['<!-- comment -->shown<!-- <p>also</p> -->', 'shown'],
    ['<![CDATA[cdata]]>shown', 'shown'],
    ['<img src=x alt="alt text" onerror="alert(1)">shown', 'shown'],
    ['<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>', '漢字'],
    ['<div hidden><p>nested <b>deeply</b></p></div>shown', 'shown'],
  ])('%j → %j', (html, expected) => {
    expect(text(html)).toBe(expected);
  });

  it('keeps text that only looks like markup once decoded', () => {
    expect(text('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
    expect(text('<a href="javascript:alert(1)">click</a>')).toBe('click');
  });

  it('keeps stray text inside <head>, as browsers show it', () => {
    expect(htmlToText('<head><title>T</title>stray</head><body>body</body>')).toEqual({ title: 'T', text: 'stray\nbody' });
  });

  it('does not lose the rest of the page after an unclosed element', () => {
    expect(text('<p>one<p>two<div>three')).toBe('one\n\ntwo\n\nthree');
    expect(text('<b>bold <i>both</b> after')).toBe('bold both after');
  });

  it('stops at absurd nesting instead of taking minutes (htmlparser2 is quadratic in depth)', () => {
    expect(text(`${'<div>'.repeat(HTML_MAX_DEPTH)}deep`)).toBe('deep');
    expect(() => htmlToText(`${'<div>'.repeat(HTML_MAX_DEPTH + 1)}deep`)).toThrow(HtmlTooDeepError);
    // Void and implicitly closed elements do not count as nesting.
    expect(text(`${'<br><p>x'.repeat(HTML_MAX_DEPTH * 2)}`).length).toBeGreaterThan(0);
  });

  it('swallows the rest of the page after an unclosed <script>, like a browser', () => {
    expect(text('before<script>alert(1)<p>never shown')).toBe('before');
  });
});

describe('htmlToText title', () => {
  it.each([
    ['<title>  Spaced\n  out  </title>', 'Spaced out'],
    ['<title>A &amp; B &lt;C&gt;</title>', 'A & B <C>'],
    ['<title>First</title><title>Second</title>', 'First'],
    ['<svg><title>not the page title</title></svg><p>x</p>', ''],
    ['<title><b>not bold</b></title>', '<b>not bold</b>'],
    ['<p>no title</p>', ''],
  ])('%j → %j', (html, expected) => {
    expect(htmlToText(html).title).toBe(expected);
  });

  it('never puts the title into the text', () => {
    expect(htmlToText('<title>Only title</title>').text).toBe('');
  });
});

describe('htmlToText properties', () => {
  it('returns text unchanged (collapsed, trimmed, NFC) when there is no markup', () => {
    const plain = fc.string({ unit: 'grapheme' }).filter((value) => !/[<&]/.test(value));
    fc.assert(
      fc.property(plain, (value) => {
        const expected = value
          .replace(/[ \t\n\f\r]+/g, ' ')
          .replace(/\u00a0/g, ' ')
          .normalize('NFC')
          .trim();
        expect(text(`<p>${value}</p>`)).toBe(expected);
      }),
    );
  });

  it('never throws and never emits markup for random HTML-ish input', () => {
    const pieces = fc.constantFrom(
      '<p>',
      '</p>',
      '<script>',
      '</script>',
      '<pre>',
      '</pre>',
      '<br>',
      '<b>',
      '</b>',
      '&amp;',
      '&#0;',
      'x',
      ' ',
      '\n',
      '<!--',
      '-->',
      '<svg>',
      '</svg>',
      '<td>',
      '<tr>',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const result = htmlToText(parts.join(''));
        expect(result.text).not.toMatch(/<\/?(?:p|script|pre|br|b|svg|td|tr)>/);
        expect(result.text).toBe(result.text.trim());
      }),
    );
  });
});
