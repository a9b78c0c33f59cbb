"use client";

import { SelectField, TextAreaField } from "@/components/ui/select-field";
import { statusWords } from "@/components/incidents/incident-words";
import {
  UPDATE_BODY_MAX,
  incidentStatuses,
  type IncidentStatus,
} from "@/server/domain/incidents/incident-rules";

/**
 * The status and message of an incident update. No maxLength: a pasted text longer than the limit
 * must be refused with a field error, never cut without a word; the counter says where it stands.
 */
export function UpdateFields({
  idPrefix,
  status,
  body,
  errors,
  onStatus,
  onBody,
}: {
  idPrefix: string;
  status: IncidentStatus;
  body: string;
  errors: { status?: string; body?: string };
  onStatus: (status: IncidentStatus) => void;
  onBody: (body: string) => void;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-status`}
        label="Status"
        value={status}
        error={errors.status}
        onChange={(e) => onStatus(e.target.value as IncidentStatus)}
      >
        {incidentStatuses.map((s) => (
          <option key={s} value={s}>
            {statusWords[s]}
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
