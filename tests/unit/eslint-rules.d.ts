// Types for the project's plain-JS ESLint rule files, which the tests import.
declare module '*/eslint-rules/layering.js' {
  import { type Rule } from 'eslint';

  const rule: Rule.RuleModule;
  export default rule;
}

declare module '*/eslint-rules/layers.js' {
  export interface LayerSpec {
    folders: string[];
    noNodeBuiltins?: boolean;
    bannedPackages?: { name: string; reason: string }[];
  }
  export const LAYERS: Record<string, LayerSpec>;
  export const SHARED_RENDERER_FOLDERS: string[];
}

declare module '*/eslint-rules/feature-index.js' {
  import { type Rule } from 'eslint';

  const rule: Rule.RuleModule;
  export default rule;
}
