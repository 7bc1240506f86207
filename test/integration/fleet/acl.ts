/**
 * The broker's access rules for a fleet, as docs/deployment.md gives them: each collector's user is its site id
 * and may publish only under its own site and read only its own acks; the ingest user reads every site's data and
 * writes the acks.
 */
export const FLEET_ACL = `# plustwin fleet
user plustwin-ingest
topic read plustwin/v1/#
topic write plustwin/v1/+/ack

pattern write plustwin/v1/%u/#
pattern read plustwin/v1/%u/ack
`;
