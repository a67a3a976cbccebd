import * as pulumi from "@pulumi/pulumi";
import { PROVIDER_KEY, providerModule, typeToken } from "./dynamic-provider";

/**
 * The base of every Clerk resource: a custom resource served by Pulumi's dynamic-provider host,
 * like `pulumi.dynamic.Resource`, with our compact `__provider` (see dynamic-provider.ts).
 */
export abstract class ClerkResource extends pulumi.CustomResource {
  /**
   * @param type resource type name, e.g. "JwtTemplate"
   * @param outputs computed outputs to expose on the object (Pulumi only exposes declared props)
   * @param secretOutputs outputs kept encrypted in state even when the input was not a secret (rule 6)
   */
  protected constructor(
    type: string,
    name: string,
    args: object,
    opts: pulumi.CustomResourceOptions | undefined,
    outputs: readonly string[],
    secretOutputs: readonly string[] = [],
  ) {
    if (args && PROVIDER_KEY in args) throw new Error(`${type} "${name}": "${PROVIDER_KEY}" is reserved`);
    const props: Record<string, unknown> = {};
    for (const key of outputs) props[key] = undefined;
    Object.assign(props, args, { [PROVIDER_KEY]: providerModule(type) });
    const options =
      secretOutputs.length === 0
        ? opts
        : { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secretOutputs] };
    super(typeToken(type), name, props, options);
  }
}
