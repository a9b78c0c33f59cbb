/** `first`: open until the instance has an owner (its first account), then closed. */
export type SignupPolicy = "first" | "open" | "closed";

/** `owner`: only workspaces granted it (the instance owner's, and those the operator allows). */
export type PrivateTargetPolicy = "all" | "none" | "owner";

export const SIGNUP_CLOSED_MESSAGE =
  "Sign-up is closed on this Vigil. Ask its operator for an account.";

/** Whether self-service sign-up is open under the policy, given whether an owner exists. */
export function isSignupOpen(policy: SignupPolicy, hasOwner: boolean): boolean {
  return policy === "open" || (policy === "first" && !hasOwner);
}

/** Whether a workspace may contact loopback, private, link-local and metadata addresses. */
export function mayTargetPrivate(
  policy: PrivateTargetPolicy,
  isWorkspaceGranted: boolean,
): boolean {
  return policy === "all" || (policy === "owner" && isWorkspaceGranted);
}
