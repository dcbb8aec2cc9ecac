import {ProposedFeatures, createConnection} from 'vscode-languageserver/node'
import {startServer} from './server.js'

// createConnection reads the transport from argv: --stdio, --node-ipc or --socket=<port>.
startServer(createConnection(ProposedFeatures.all))
