// What tests need from the Slack stand-in; import from '../harness/index.js'.
export * from '../../src/standin/index.js';
