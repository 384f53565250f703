import { expect } from 'vitest';
import { PolicyInputError, type PolicyIssue } from '../../src/index.js';

/**
 * Runs `fn`, expects it to throw a PolicyInputError (an Error, never a TypeError or another error)
 * and returns its issues.
 */
export function issuesOf(fn: () => unknown): PolicyIssue[] {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a PolicyInputError to be thrown').toBeDefined();
  expect(thrown).toBeInstanceOf(Error);
  expect(thrown).not.toBeInstanceOf(TypeError);
  expect(thrown).toBeInstanceOf(PolicyInputError);
  const error = thrown as PolicyInputError;
  expect(error.name).toBe('PolicyInputError');
  expect(Array.isArray(error.issues)).toBe(true);
  expect(error.issues.length).toBeGreaterThanOrEqual(1);
  for (const issue of error.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  return error.issues;
}

/** The issue paths, as JSON texts, for easy `toContain` checks. */
export function pathsOf(issues: readonly PolicyIssue[]): string[] {
  return issues.map((i) => JSON.stringify(i.path));
}

/** Expects `fn` to throw a PolicyInputError with an issue at each of `paths`; returns the issues. */
export function expectIssuesAt(fn: () => unknown, ...paths: Array<Array<string | number>>): PolicyIssue[] {
  const issues = issuesOf(fn);
  const seen = pathsOf(issues);
  for (const path of paths) expect(seen, `issue paths ${seen.join(' ')}`).toContain(JSON.stringify(path));
  return issues;
}

/** The issue at exactly `path`. */
export function issueAt(issues: readonly PolicyIssue[], path: Array<string | number>): PolicyIssue {
  const found = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(found, `no issue at ${JSON.stringify(path)} among ${pathsOf(issues).join(' ')}`).toBeDefined();
  return found as PolicyIssue;
}
