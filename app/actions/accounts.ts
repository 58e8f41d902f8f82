"use server";

import { runAction } from "@/lib/api/action";
import { changePassword, signUp, updateProfile } from "@/lib/accounts/service";

export async function signUpAction(input: unknown) {
  return runAction(async () => {
    const user = await signUp(input);
    return { email: user.email };
  }, { auth: false });
}

export async function updateProfileAction(input: unknown) {
  return runAction(async (actor) => {
    const user = await updateProfile(actor, input);
    return { name: user.name };
  });
}

export async function changePasswordAction(input: unknown) {
  return runAction(async (actor) => {
    await changePassword(actor, input);
    return undefined;
  });
}
