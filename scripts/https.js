// HTTPS options for the dev server. Windows and macOS: the standard Office dev certificates,
// installed as trusted by office-addin-dev-certs (as the official templates do). Linux: the same
// certificate files are generated when missing but nothing is installed system-wide (that needs
// sudo and a desktop browser to matter); trusting ca.crt is left to the user, as start.js says.
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

function certificateFiles() {
  return { ca: defaults.caCertificatePath, cert: defaults.localhostCertificatePath, key: defaults.localhostKeyPath };
}

function stillValid(certPath) {
  try {
    const { X509Certificate } = require("crypto");
    const cert = new X509Certificate(fs.readFileSync(certPath));
    return new Date(cert.validTo).getTime() > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

async function httpsOptions() {
  if (process.platform === "win32" || process.platform === "darwin") {
    return devCerts.getHttpsServerOptions();
  }
  const files = certificateFiles();
  if (!Object.values(files).every((f) => fs.existsSync(f)) || !stillValid(files.cert)) {
    await devCerts.generateCertificates(files.ca, files.cert, files.key);
  }
  return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
}

module.exports = { httpsOptions, certificateFiles };
