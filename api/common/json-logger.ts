import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentRequest } from './request-context';

/**
 * Structured logs: one JSON object per line on stdout (errors on stderr) with time, level, context,
 * message and the request id of the request being served, so ops can follow one request across lines.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly levels: ReadonlySet<LogLevel>,
    private readonly write: (line: string, level: LogLevel) => void = defaultWrite,
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  /** Nest passes the context as the last string argument, and for errors the stack before it. */
  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest.shift() : undefined;
    const fields =
      typeof message === 'object' && message !== null && !(message instanceof Error)
        ? message
        : { message: message instanceof Error ? message.message : String(message) };
    const requestId = currentRequest()?.requestId;
    const entry = {
      time: new Date().toISOString(),
      level,
      ...(context ? { context } : {}),
      ...(requestId ? { requestId } : {}),
      ...fields,
      ...(stack ? { stack } : {}),
    };
    this.write(JSON.stringify(entry), level);
  }
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Levels per environment: tests keep only problems; everything else logs requests too. */
export function logLevelsFor(nodeEnv: string): ReadonlySet<LogLevel> {
  return new Set<LogLevel>(nodeEnv === 'test' ? ['error', 'warn', 'fatal'] : ['log', 'error', 'warn', 'fatal']);
}
