import { Card } from "@/components/ui/panel";
import { assertionWords } from "@/components/monitors/assertion-words";
import { conditionsToAssertions } from "@/server/domain/monitors/assertions";

/** What a check must see to pass: the monitor's assertions, or the accepted status codes alone. */
export function AssertionsCard({
  conditions,
  acceptedStatusCodes,
}: {
  conditions: string[];
  acceptedStatusCodes: string[];
}) {
  const assertions = conditionsToAssertions(conditions);
  return (
    <Card title="Assertions">
      {assertions.length === 0 ? (
        <p className="text-sm text-zinc-500">
          None: a check passes on an accepted status code ({acceptedStatusCodes.join(", ")}).
        </p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="assertions">
          {assertions.map((a, i) => (
            <li key={i} className="wrap-anywhere">
              {assertionWords(a)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
