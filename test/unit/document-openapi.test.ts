import type { OpenAPIObject } from '@nestjs/swagger';
import { servedOpenApiDocument } from '../../scripts/api-schema';
import { DOCUMENT_PURPOSES } from '../../workflows/definitions/documents';

let document: OpenAPIObject;
beforeAll(async () => {
  document = await servedOpenApiDocument();
});

const schemaOf = (ref: string) => document.components!.schemas![ref.replace('#/components/schemas/', '')] as any;

describe('the documents’ endpoints in the OpenAPI document (issue 25)', () => {
  it('the upload takes multipart/form-data only: file (binary), purpose (R-DOC-1 enum), replaces (uuid)', () => {
    const upload = document.paths['/v1/cases/{caseId}/documents'].post!;
    const content = (upload.requestBody as any).content;
    expect(Object.keys(content)).toEqual(['multipart/form-data']);
    const form = schemaOf(content['multipart/form-data'].schema.$ref);
    expect(form.required).toEqual(expect.arrayContaining(['file', 'purpose']));
    expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(form.properties.purpose.enum).toEqual([...DOCUMENT_PURPOSES]);
    expect(form.properties.replaces).toMatchObject({ type: 'string', format: 'uuid' });
    expect(Object.keys(upload.responses).sort()).toEqual(
      expect.arrayContaining(['201', '202', '403', '404', '409', '413', '415', '422', '503']),
    );
  });

  it('the list and the paper take a bearer token; the download takes the signed link instead', () => {
    expect(document.paths['/v1/cases/{caseId}/documents'].get!.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/v1/documents/{documentId}'].get!.security).toEqual([{ bearer: [] }]);
    const content = document.paths['/v1/documents/{documentId}/content'].get!;
    expect(content.security ?? []).toEqual([]);
    const query = (content.parameters as Array<{ in: string; name: string }>).filter((p) => p.in === 'query');
    expect(query.map((p) => p.name).sort()).toEqual(['district', 'expires', 'issuer', 'role', 'signature', 'subject']);
    expect(Object.keys(content.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
  });
});
