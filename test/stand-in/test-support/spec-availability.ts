import { defaultOpenApiDir } from '../options';

/** The OpenAPI folder the stand-in validates against by default; null when it is not on this machine. */
export const openApiDir = defaultOpenApiDir();

/** `describe` when the OpenAPI folder exists, else `describe.skip` with a note saying why. */
export function describeWithSpecs(name: string, body: () => void): void {
	if (openApiDir) {
		describe(name, body);
		return;
	}
	console.warn(
		`Skipping "${name}": no Quo OpenAPI folder (set QUO_OPENAPI_DIR or add ../shared/quo-api)`,
	);
	describe.skip(name, body);
}
