// CSS is the browser's business; tests see an empty module.
module.exports = {};
