import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedTypesFile, generateOpenApiTypes } from '../scripts/openapi-types.js';

describe('generateOpenApiTypes', () => {
  describe('having the server routes of this commit', () => {
    describe('when called', () => {
      it('should write exactly the committed src/_generated/openapi.ts (else run `pnpm generate:client`)', async () => {
        const generated = await generateOpenApiTypes();
        expect(generated).toContain("'/v1/runs/{id}/events'");
        expect(readFileSync(generatedTypesFile, 'utf8')).toBe(generated);
      });
    });
  });
});
