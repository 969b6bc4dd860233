import { flag, parseArgs } from './args';

const flags = {
	versions: flag.list('n8n versions', {
		defaultValue: ['2.41.1'],
		choices: ['1.123.81', '2.41.1'],
		env: 'QUO_ARGS_TEST_VERSIONS',
	}),
	build: flag.boolean('pack dist/ as it is', true),
	deliveries: flag.integer('deliveries', { defaultValue: 6, min: 2 }),
	tarball: flag.text('a tarball', { defaultValue: undefined }),
	n8nEnv: flag.n8nSettings('n8n settings'),
};

describe('parseArgs', () => {
	let exit: jest.SpyInstance;
	let stderr: jest.SpyInstance;
	beforeEach(() => {
		exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
			throw new Error(`exit ${code}`);
		});
		stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
	});
	afterEach(() => {
		exit.mockRestore();
		stderr.mockRestore();
		delete process.env.QUO_ARGS_TEST_VERSIONS;
	});

	it('gives the defaults when no flag is given', () => {
		expect(parseArgs('run', flags, [])).toEqual({
			versions: ['2.41.1'],
			build: true,
			deliveries: 6,
			tarball: undefined,
			n8nEnv: {},
		});
	});

	it('reads lists, numbers, --no-x, --x=value and repeated settings', () => {
		const argv = [
			'--versions',
			'1.123.81,2.41.1',
			'--no-build',
			'--deliveries=10',
			'--tarball',
			'a.tgz',
			'--n8n-env',
			'N8N_A=1,N8N_B=x=y',
			'--n8n-env',
			'N8N_C=',
		];
		expect(parseArgs('run', flags, argv)).toEqual({
			versions: ['1.123.81', '2.41.1'],
			build: false,
			deliveries: 10,
			tarball: 'a.tgz',
			n8nEnv: { N8N_A: '1', N8N_B: 'x=y', N8N_C: '' },
		});
	});

	it('takes a flag from its environment variable when absent', () => {
		process.env.QUO_ARGS_TEST_VERSIONS = '1.123.81';
		expect(parseArgs('run', flags, []).versions).toEqual(['1.123.81']);
	});

	it.each([
		[['--bogus'], 'unknown option --bogus'],
		[['--versions', '3.0.0'], '--versions: unknown 3.0.0'],
		[['--deliveries', '1'], '--deliveries must be a whole number, at least 2'],
		[['--tarball'], '--tarball needs a value'],
		[['--n8n-env', 'FOO=1'], '--n8n-env takes N8N_NAME=value settings'],
		[['--build=yes'], '--build takes no value'],
	])('stops with the usage on %j', (argv, message) => {
		expect(() => parseArgs('npm run x', flags, argv)).toThrow('exit 2');
		const printed = String(stderr.mock.calls[0][0]);
		expect(printed).toContain(message);
		expect(printed).toContain('Usage: npm run x [-- options]');
		expect(printed).toContain('--no-build');
	});
});
