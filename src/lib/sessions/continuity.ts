/**
 * Continuity between the sessions of one team: the open actions of every earlier session,
 * not only the last one, matched on the team name regardless of case and spaces. Built on
 * the repository's public reads (list, actions.list), so the store keeps one index by team.
 */
import type { Repo } from '../store/repo';
import type { Action, Session } from '../store/types';
import { teamKey } from './kinds';

export interface OpenAction {
  action: Action;
  session: Session;
}

/** Whether `a` took place before `b`: by meeting day, then by creation time. */
export function isEarlier(a: Session, b: Session): boolean {
  if (a.date !== b.date) return a.date < b.date;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return a.id < b.id;
}

/** The live sessions of `session`'s team that took place before it, oldest first. Pure. */
export function earlierOfTeam(session: Session, all: readonly Session[]): Session[] {
  const key = teamKey(session.team);
  if (key === '') return [];
  return all
    .filter((x) => x.id !== session.id && x.deletedAt === undefined && teamKey(x.team) === key && isEarlier(x, session))
    .sort((a, b) => (isEarlier(a, b) ? -1 : 1));
}

/** Every session, page by page (the list skips soft-deleted ones). */
export async function allSessions(repo: Repo): Promise<Session[]> {
  const out: Session[] = [];
  let page = await repo.sessions.list({ limit: 200 });
  out.push(...page.items);
  while (page.next) {
    page = await repo.sessions.list({ limit: 200, cursor: page.next });
    out.push(...page.items);
  }
  return out;
}

/** The open actions of all earlier sessions of the team, oldest session first, each session's in its order. */
export async function openActionsOfTeam(repo: Repo, session: Session): Promise<OpenAction[]> {
  const earlier = earlierOfTeam(session, await allSessions(repo));
  const lists = await Promise.all(earlier.map((x) => repo.actions.list(x.id)));
  return earlier.flatMap((x, i) => (lists[i] ?? []).filter((a) => !a.done).map((action) => ({ action, session: x })));
}

/** Whether an open action's day has passed. `today` is "YYYY-MM-DD" (format.todayIso). Pure. */
export function isOverdue(action: Pick<Action, 'done' | 'due'>, today: string): boolean {
  return !action.done && action.due !== undefined && action.due < today;
}
