"use client";

import { SelectField, TextAreaField } from "@/components/ui/select-field";
import { statusWords } from "@/components/incidents/incident-words";
import {
  UPDATE_BODY_MAX,
  incidentStatuses,
  type IncidentStatus,
} from "@/server/domain/incidents/incident-rules";

/** The statuses an update may take and their words: an incident's unless told otherwise. */
export type StatusChoices<S extends string> = { statuses: readonly S[]; words: Record<S, string> };
const incidentChoices: StatusChoices<IncidentStatus> = {
  statuses: incidentStatuses,
  words: statusWords,
};

/**
 * The status and message of an incident (or maintenance) update. No maxLength: a pasted text
 * longer than the limit must be refused with a field error, never cut without a word; the counter
 * says where it stands.
 */
export function UpdateFields<S extends string = IncidentStatus>({
  idPrefix,
  status,
  body,
  errors,
  onStatus,
  onBody,
  choices = incidentChoices as unknown as StatusChoices<S>,
}: {
  idPrefix: string;
  status: S;
  body: string;
  errors: { status?: string; body?: string };
  onStatus: (status: S) => void;
  onBody: (body: string) => void;
  choices?: StatusChoices<S>;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-status`}
        label="Status"
        value={status}
        error={errors.status}
        onChange={(e) => onStatus(e.target.value as S)}
      >
        {choices.statuses.map((s) => (
          <option key={s} value={s}>
            {choices.words[s]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${idPrefix}-body`}
        label="Message"
        rows={5}
        value={body}
        error={errors.body}
        hint={`${body.length.toLocaleString("en-US")} / ${UPDATE_BODY_MAX.toLocaleString("en-US")} characters; plain text, line breaks and links kept.`}
        onChange={(e) => onBody(e.target.value)}
      />
    </>
  );
}
