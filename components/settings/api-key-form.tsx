"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormFrame } from "@/components/ui/form-frame";
import { SelectField } from "@/components/ui/select-field";
import { formErrorsFrom } from "@/server/domain/validation/validation-issues";

type Errors = Partial<Record<"name" | "scope" | "expiresAt" | "form", string>>;
export type NewApiKey = { name: string; key: string };

const errorsFrom = (error: unknown): Errors =>
  formErrorsFrom(error, ["name", "scope", "expiresAt"], "Could not create the key");

/** A date picked in the form: the key works until the end of that day, in the browser's zone. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999`).toISOString();

export function ApiKeyForm({ onCreated }: { onCreated: (key: NewApiKey) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const [errors, setErrors] = useState<Errors>({});
  const today = new Date().toLocaleDateString("sv-SE");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const expires = String(form.get("expires") ?? "");
    setErrors({});
    try {
      const created = await create.mutateAsync({
        name: String(form.get("name") ?? ""),
        scope: form.get("scope") === "read" ? "read" : "write",
        expiresAt: expires ? endOfDay(expires) : null,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.pathKey() });
      formEl.reset();
      onCreated({ name: created.name, key: created.key });
    } catch (e) {
      setErrors(errorsFrom(e));
    }
  }

  return (
    <FormFrame
      onSubmit={submit}
      className="space-y-4"
      label="Create an API key"
      error={errors.form}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="api-key-name"
          name="name"
          label="Name"
          placeholder="Deploy script"
          required
          error={errors.name}
        />
        <SelectField
          id="api-key-scope"
          name="scope"
          label="Scope"
          defaultValue="write"
          error={errors.scope}
        >
          <option value="write">Read and write</option>
          <option value="read">Read only (GET)</option>
        </SelectField>
        <Field
          id="api-key-expires"
          name="expires"
          label="Expires (optional)"
          type="date"
          min={today}
          hint="Empty: never expires."
          error={errors.expiresAt}
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </FormFrame>
  );
}
