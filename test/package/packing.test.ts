import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const root = join(__dirname, '../..');

interface PackedFile {
	path: string;
}

/**
 * What `npm pack` would publish: the files users install. A fresh clone on which `npm test` runs first has no dist/
 * yet: it is built here, as `npm run dev` and CI build it.
 */
function packedFiles(): string[] {
	if (!existsSync(join(root, 'dist')))
		execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
	});
	const [pack] = JSON.parse(output) as Array<{ files: PackedFile[] }>;
	return pack.files.map((file) => file.path);
}

describe('the published package', () => {
	const files = packedFiles();

	test('holds dist/, package.json, README.md, LICENSE and index.js, and nothing else', () => {
		expect([...new Set(files.map((path) => path.split('/')[0]))].sort()).toEqual([
			'LICENSE',
			'README.md',
			'dist',
			'index.js',
			'package.json',
		]);
	});

	test('ships no sources, tests or source maps', () => {
		const unexpected = files.filter(
			(path) => path.startsWith('dist/') && !/\.(js|d\.ts|svg|node\.json)$/.test(path),
		);
		expect(unexpected).toEqual([]);
		expect(files.filter((path) => /(^|\/)test\//.test(path))).toEqual([]);
	});

	test('ships only code n8n loads: every script in dist/ is required, directly or not, by a node or the credential', () => {
		const { n8n } = require(join(root, 'package.json')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		const loaded = new Set<string>();
		const toRead = [...n8n.nodes, ...n8n.credentials];
		for (let file = toRead.pop(); file !== undefined; file = toRead.pop()) {
			if (loaded.has(file)) continue;
			loaded.add(file);
			for (const [, specifier] of readFileSync(join(root, file), 'utf8').matchAll(
				/require\("(\.{1,2}\/[^"]+)"\)/g,
			)) {
				const target = posix.join(posix.dirname(file), specifier);
				toRead.push(
					existsSync(join(root, `${target}.js`)) ? `${target}.js` : posix.join(target, 'index.js'),
				);
			}
		}
		// A module of types only compiles to a script with no code, which nothing requires.
		const hasCode = (path: string) =>
			readFileSync(join(root, path), 'utf8')
				.replace(
					/"use strict";|Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);|\/\/# sourceMappingURL=.*/g,
					'',
				)
				.trim() !== '';
		expect(
			files.filter(
				(path) =>
					path.endsWith('.js') && path.startsWith('dist/') && !loaded.has(path) && hasCode(path),
			),
		).toEqual([]);
	});

	test('contains every node and credential n8n is told to load, with their icons and codex files', () => {
		const { n8n } = require(join(root, 'package.json')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		expect(files).toEqual(expect.arrayContaining([...n8n.nodes, ...n8n.credentials]));
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/nodes/Quo/quo.svg',
				'dist/nodes/Quo/quo.dark.svg',
				'dist/credentials/quo.svg',
				'dist/credentials/quo.dark.svg',
				'dist/nodes/Quo/Quo.node.json',
				'dist/nodes/Quo/QuoTrigger.node.json',
			]),
		);
	});
});
