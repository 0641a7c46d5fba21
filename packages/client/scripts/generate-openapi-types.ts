// `pnpm generate:client`: writes src/_generated/openapi.ts from the server's route schemas.
import { writeFileSync } from 'node:fs';
import { generatedTypesFile, generateOpenApiTypes } from './openapi-types.js';

writeFileSync(generatedTypesFile, await generateOpenApiTypes());
console.info(`wrote ${generatedTypesFile}`);
