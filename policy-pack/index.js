// pulumi-clerk's policy pack, ready to run: `pulumi preview --policy-pack node_modules/pulumi-clerk/policy-pack`.
// Its dependencies resolve from the project it is installed in: pulumi-clerk itself (this package) and
// @pulumi/policy (`npm install --save-dev @pulumi/policy`). See docs/policy-pack.md.
const { PolicyPack } = require("@pulumi/policy");
const { clerkPolicies } = require("../dist/policy");

new PolicyPack("pulumi-clerk", { policies: clerkPolicies() });
