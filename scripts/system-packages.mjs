/**
 * The Debian/Ubuntu packages `npm test` needs, one row each: the apt package and why. scripts/test-prereqs.mjs
 * checks them with dpkg and installs the missing ones with apt-get; add a row here for a new need.
 *
 * `unlessEnv`: the row is not needed when that environment variable is set (e.g. another Chromium).
 */
export const SYSTEM_PACKAGES = [
  { apt: 'chromium', why: 'e2e tests and PDF reports', unlessEnv: 'PLUSTWIN_CHROMIUM' },
  { apt: 'fonts-dejavu-core', why: 'the fonts of the PDF reports and the rendered pages' },
  { apt: 'poppler-utils', why: 'reading generated PDFs back (pdftotext, pdftoppm)' },
  { apt: 'mbpoll', why: 'a third-party Modbus master reading our simulators' },
  { apt: 'python3-pymodbus', why: 'a third-party Modbus server (SunSpec)' },
  { apt: 'python3-serial-asyncio', why: "pymodbus's serial transport" },
  { apt: 'socat', why: 'Modbus RTU over a pseudo-terminal pair' },
  { apt: 'gcc', why: 'compiling the open62541 OPC UA test server' },
  { apt: 'libc6-dev', why: 'compiling the open62541 OPC UA test server (C headers)' },
  { apt: 'python3-websockets', why: 'a third-party OCPP 1.6J charge point (test/fixtures/ocpp/charge-point.py)' },
  { apt: 'openssl', why: 'the TLS certificate of the OCPP security profile 2 test' },
  { apt: 'mosquitto', why: 'the MQTT broker of the LoRaWAN uplink and city-scale tests' },
  { apt: 'postgresql-15', why: 'the central store of the city-scale tests (test/integration/fleet/)' },
];

/**
 * open62541 1.4, the third-party OPC UA server of the tests: installed with apt where the release packages it
 * (Debian trixie and later), else (Debian bookworm) fetched from trixie and unpacked into the repository's
 * gitignored cache by scripts/fetch-open62541.sh, which needs `debianKeyring` to check trixie's signatures.
 */
export const OPEN62541 = {
  apt: 'libopen62541-1.4-dev',
  why: 'the third-party OPC UA server of test/integration/opcua/third-party-open62541.test.ts',
  cacheDir: '.cache/open62541',
  fetchScript: 'scripts/fetch-open62541.sh',
  debianKeyring: 'debian-archive-keyring',
};
