/**
 * The CustomFunctions global that Excel's runtime provides, as far as our functions use it:
 * an Error carrying an error code and message, and the codes themselves (values as in
 * @types/custom-functions-runtime).
 */
// The codes live in one data file that the e2e office.js stub is served with too.
import ERROR_CODES from "./customFunctionsErrorCodes.json";

class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

Object.assign(globalThis, {
  CustomFunctions: {
    Error: CustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  },
});
