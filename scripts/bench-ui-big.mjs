/**
 * l) placeholder: filled by the issue 12 work. Reports nothing yet.
 */
export async function bigSpecStep(_bench, _report) {}
