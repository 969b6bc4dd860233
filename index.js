// n8n loads the classes listed in package.json#n8n; this entry point serves plain `require('n8n-nodes-quo')`.
module.exports = {
	QuoApi: require('./dist/credentials/QuoApi.credentials.js').QuoApi,
	Quo: require('./dist/nodes/Quo/Quo.node.js').Quo,
	QuoTrigger: require('./dist/nodes/Quo/QuoTrigger.node.js').QuoTrigger,
};
