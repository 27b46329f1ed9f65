import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { text } from '../i18n/localized-text';
import type { ErrorBody } from './api-error';
import { OPENAPI_METHODS } from './openapi-document';

interface DocumentedPath {
  pattern: RegExp;
  methods: string[];
}

/**
 * `/v1/cases/{caseId}/history` → a pattern matching `/v1/cases/<one segment>/history`, with or without a final `/`.
 */
export function patternOf(path: string): RegExp {
  const escaped = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Answers 405 `method_not_allowed` with an `Allow` header when a request names a documented path with a method
 * none of its operations has (e.g. `DELETE /v1/cases/{caseId}`), instead of a 404 that would say the resource does
 * not exist. HEAD follows GET, and OPTIONS is left to the framework.
 */
export function methodNotAllowed(document: OpenAPIObject): (req: Request, res: Response, next: NextFunction) => void {
  const paths: DocumentedPath[] = Object.entries(document.paths).map(([path, item]) => ({
    pattern: patternOf(path),
    methods: OPENAPI_METHODS.filter((method) => item[method]).map((method) => method.toUpperCase()),
  }));
  return (req, res, next) => {
    const matching = paths.filter((path) => path.pattern.test(req.path));
    if (matching.length === 0 || req.method === 'OPTIONS') return next();
    const allowed = new Set(matching.flatMap((path) => path.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(req.method)) return next();
    const allow = [...allowed].join(', ');
    const body: ErrorBody = {
      error: 'method_not_allowed',
      message: text('errors.methodNotAllowed', { method: req.method, path: req.path, allowed: allow }),
      details: [],
    };
    res.status(405).set('Allow', allow).json(body);
  };
}
