// Help text of `warrant team-server`, apart from the command so that `warrant --help` does not load Hocuspocus.
import { join } from 'node:path';
import { userDataDir } from '../paths';

export const TEAM_USAGE = `  team-server            Run the team server (Hocuspocus) that team workspaces sync through
            --data DIR         its folder: one SQLite file with documents, users and audit,
                               and the blobs (default: ${join(userDataDir(), 'team-server')})
            --postgres URL     keep documents, users and audit in PostgreSQL instead, e.g.
                               postgres://warrant@127.0.0.1:5432/warrant_team (or set
                               WARRANT_TEAM_POSTGRES); the tables are made on first start
            --port N           port to listen on (default 1234; 0 for any free port)
            --host ADDRESS     address to bind (default 127.0.0.1; see README, Teams, for TLS)
            --redis HOST:PORT  share changes with other nodes through this Redis
            --session-hours N  how long a login lasts (default 12)
  team-server user add NAME --role analyst|reviewer|reader
  team-server user list | remove NAME | role NAME ROLE | password NAME | logout NAME
            the password is read from WARRANT_TEAM_PASSWORD, else asked for; logout ends
            every session of NAME; every user command also takes --data DIR and --postgres URL
  team-server audit [--user NAME] [--document NAME] [--event E] [--since ISO-TIME] [--limit N]
            (and --data DIR or --postgres URL, as for the server)`;
