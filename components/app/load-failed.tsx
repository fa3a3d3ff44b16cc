/** A list that could not load at all: the server's message and a way to try again. */
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function LoadFailed({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <div className="space-y-3">
      <Alert>{message}</Alert>
      <Button variant="secondary" size="sm" onClick={onRetry} pending={retrying}>
        Try again
      </Button>
    </div>
  );
}
