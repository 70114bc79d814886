// Enforces Warrant's layering: which top-level folders and packages each folder may import.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the folders and packages it may depend on.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'object' },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: '`{{from}}/` may not import from `{{to}}/` (allowed: {{allowed}}).',
      package: '`{{from}}/` may not import `{{name}}`: {{reason}}',
    },
  },
  create(context) {
    const { root, layers } = context.options[0];
    const file = context.filename;
    const fromPath = path.relative(root, file).split(path.sep).join('/');
    const from = fromPath.split('/')[0];
    const layer = layers[from];
    if (!layer) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
        if (target !== from && !layer.folders.includes(target)) {
          context.report({ node, messageId: 'folder', data: { from, to: target, allowed: [from, ...layer.folders].join(', ') } });
        }
        return;
      }
      const name = packageName(specifier);
      if (layer.noNodeBuiltins && NODE_BUILTINS.has(specifier.split('/')[0])) {
        context.report({
          node,
          messageId: 'package',
          data: { from, name: specifier, reason: 'Node built-ins are not available in every host.' },
        });
        return;
      }
      const banned = (layer.bannedPackages ?? []).find(
        (entry) =>
          (entry.name === name || (entry.name.endsWith('*') && name.startsWith(entry.name.slice(0, -1)))) &&
          !(entry.except && fromPath.startsWith(`${entry.except}/`)),
      );
      if (banned) context.report({ node, messageId: 'package', data: { from, name, reason: banned.reason } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
