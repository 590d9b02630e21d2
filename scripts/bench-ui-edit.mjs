/**
 * m) placeholder: filled by the issue 12 work. Reports nothing yet.
 */
export async function editStep(_bench, _report) {}
