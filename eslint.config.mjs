// The rule sets n8n's community package scanner runs: @n8n/eslint-plugin-community-nodes (recommended, the
// n8n Cloud variant) plus eslint-plugin-n8n-nodes-base's community, credentials and nodes sets.
import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';
import jsonParser from 'jsonc-eslint-parser';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'eslint.config.mjs', 'gulpfile.js', 'jest.config.js', 'index.js'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
	},
	{ files: ['package.json'], languageOptions: { parser: jsonParser } },
	{ ...communityConfigs.recommended, linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
	{ files: ['**/*.ts'], rules: { 'no-console': 'error' } },
	{
		files: ['package.json'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.credentials.rules,
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.nodes.rules,
	},
];
