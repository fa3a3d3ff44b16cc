/** The account's live sessions: where each came from, when it started and was last seen. */
import type { SessionDto } from "@/lib/account-security/dto";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";

export function SessionList({ sessions }: { sessions: SessionDto[] }) {
  return (
    <ul aria-label="Sessions" className="divide-y divide-slate-100">
      {sessions.map((s) => (
        <li key={s.session_id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-slate-900">{s.user_agent ?? "Unknown browser"}</p>
            <p className="text-xs text-slate-600">
              Signed in {formatDateTime(s.created_at)} · last seen {formatDateTime(s.last_seen_at)}
            </p>
          </div>
          {s.current && <Badge tone="success">This browser</Badge>}
        </li>
      ))}
    </ul>
  );
}
