import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Web3 wallet signature strategies Clerk knows. */
export type Web3Strategy =
  | "web3_metamask_signature"
  | "web3_coinbase_wallet_signature"
  | "web3_okx_wallet_signature";

/**
 * Arguments of {@link Web3SignIn} (`auth_web3` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface Web3SignInArgs extends InstanceArgs {
  /** Users may sign in with a web3 wallet. */
  usedForSignIn?: pulumi.Input<boolean>;
  /** The sign-up form offers a web3 wallet. */
  usedForSignUp?: pulumi.Input<boolean>;
  /** A web3 wallet is required at sign-up. */
  requiredForSignUp?: pulumi.Input<boolean>;
  /** The wallet is verified during sign-up. */
  verifyAtSignUp?: pulumi.Input<boolean>;
  /** Wallet signature strategies for sign-in, e.g. `["web3_metamask_signature"]` (a set). */
  signInStrategies?: pulumi.Input<pulumi.Input<Web3Strategy>[]>;
  /** Wallet signature strategies for verification (a set). */
  verificationStrategies?: pulumi.Input<pulumi.Input<Web3Strategy>[]>;
}

/**
 * Web3 wallets as an identifier: the `auth_web3` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class Web3SignIn extends ClerkResource {
  declare readonly usedForSignIn: pulumi.Output<boolean | undefined>;
  declare readonly usedForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly requiredForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly verifyAtSignUp: pulumi.Output<boolean | undefined>;
  declare readonly signInStrategies: pulumi.Output<Web3Strategy[] | undefined>;
  declare readonly verificationStrategies: pulumi.Output<Web3Strategy[] | undefined>;

  constructor(name: string, args: Web3SignInArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "Web3SignIn",
      name,
      args,
      opts,
      [
        "usedForSignIn",
        "usedForSignUp",
        "requiredForSignUp",
        "verifyAtSignUp",
        "signInStrategies",
        "verificationStrategies",
      ],
      [],
      true,
    );
  }
}
