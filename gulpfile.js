const { src, dest } = require('gulp');

/** Copies what tsc does not emit: the node and credential icons and the codex `.node.json` files. */
function buildAssets() {
	return src(['nodes/**/*.{svg,png,node.json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
