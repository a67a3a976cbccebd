// Kept in step with package.json by a unit test; importing package.json would copy it into dist/.
export const SDK_VERSION = "0.1.0";
