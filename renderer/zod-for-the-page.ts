// The page's zod: the same library (the build points `zod` here), told never to build parsers with
// `new Function`. The page's CSP forbids eval anyway, but zod's probe for it, a `new Function`
// whose refusal it catches, is still reported as a security policy violation on first use.
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
export default z;
