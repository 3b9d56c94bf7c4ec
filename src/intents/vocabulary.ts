import type { StateName } from '../registry/schema.js';

/** Word lists the parser recognises. Kept apart so the grammar reads cleanly. */
export const STATE_WORDS: Readonly<Record<string, StateName>> = {
  alpha: 'Alpha',
  alphas: 'Alpha',
  experimental: 'Alpha',
  beta: 'Beta',
  betas: 'Beta',
  preview: 'Beta',
  previews: 'Beta',
  stable: 'Stable',
  ga: 'Stable',
  generally: 'Stable',
};

export const HELP_WORDS = new Set([
  'help',
  'who',
  'usage',
  'commands',
  'command',
  '?',
  'howto',
  'examples',
  'manual',
]);
export const GREETINGS = new Set([
  'good',
  'afternoon',
  'evening',
  'lot',
  'much',
  'cheers',
  'hi',
  'hello',
  'hey',
  'yo',
  'thanks',
  'thank',
  'thx',
  'ty',
  'morning',
  'hiya',
]);
export const LIST_WORDS = new Set([
  'full',
  'complete',
  'entire',
  'whole',
  'list',
  'all',
  'everything',
  'every',
  'show',
  'which',
  'what',
  'whats',
  'features',
  'summary',
  'overview',
]);
export const MEANING_WORDS = new Set([
  'mean',
  'means',
  'meaning',
  'promise',
  'promises',
  'promised',
  'policy',
  'policies',
  'guarantee',
  'guarantees',
  'definition',
  'define',
  'deprecation',
  'explain',
  'imply',
  'implies',
  // What a state says about one aspect: "is beta backward compatible", "alpha documentation".
  'docs',
  'documentation',
  'documented',
  'backward',
  'backwards',
  'compatible',
  'compatibility',
  'removed',
  'remove',
  'deprecated',
  'enabled',
  'default',
  'disabled',
  'stability',
  'guarantees',
  'breaking',
]);
export const STATES_WORDS = new Set([
  'states',
  'lifecycle',
  'levels',
  'stages',
  'maturity',
  'phases',
  'tiers',
  'level',
  'levels',
  'state',
  'stage',
  'each',
  'per',
]);
export const COMPARE_WORDS = new Set([
  'difference',
  'differences',
  'compare',
  'comparison',
  'compared',
  'different',
  'vs',
  'versus',
  'between',
  'side',
]);
export const CHANGE_WORDS = new Set(['changes', 'changed', 'change', 'new', 'changelog', 'whats-new']);
export const HISTORY_WORDS = new Set(['history', 'timeline', 'when']);
export const RELEASES_WORDS = new Set(['releases', 'versions', 'release', 'version', 'latest']);
/** Words that ask what is safe for production: answered with the Stable list. */
export const PRODUCTION_WORDS = new Set(['production', 'prod', 'ready', 'safe']);
/** Words that ask for the features around a subject: "which features use SMI", "helm-related features". */
export const GROUP_WORDS = new Set([
  'use',
  'uses',
  'using',
  'related',
  'built',
  'based',
  'involve',
  'involving',
]);

/** Words that negate a state, left out of a question's subject. */
export const NEGATION_WORDS = new Set([
  'not',
  'isnt',
  'arent',
  'non',
  'except',
  'excluding',
  'exclude',
  'besides',
  'other',
  'than',
  'but',
  'apart',
  'unstable',
]);

/** First words of a yes/no question: "is vault stable?", "can I use dapr in production?". */
export const YES_NO_HEADS = new Set([
  'is',
  'are',
  'can',
  'could',
  'should',
  'does',
  'do',
  'will',
  'would',
  'isnt',
  'arent',
  'has',
  'am',
]);

export const THANKS = new Set(['thanks', 'thank', 'thx', 'ty']);

/** Verbs around a history question: "when did circuit breaking arrive", "when was multicluster removed". */
export const HISTORY_VERBS = new Set([
  'become',
  'became',
  'get',
  'got',
  'promoted',
  'added',
  'arrive',
  'arrived',
  'removed',
  'introduced',
  'appear',
  'appeared',
  'land',
  'landed',
  'ship',
  'shipped',
  'released',
  'deprecated',
  'demoted',
  'changed',
  'come',
  'came',
]);

/** Asking about deprecation in general: answered with the states side by side. */
export const DEPRECATION_WORDS = new Set(['deprecated', 'deprecation', 'deprecations', 'removed', 'sunset']);

/** Words stripped from a question before what is left is looked up as a feature or category name. */
export const FILLER_WORDS = new Set(
  (
    'a about all an and any are at be been can could current currently did do does doing for give go going how i ' +
    'in info information into is it its know let like list me mean my now of on osm our please prod production ' +
    'ready really right safe say show so stand state status support supported tell that the there these this to ' +
    'today us use using wanna want was we whats what where whether which will with would you feature features ' +
    'details detail describe card look lookup find search check quick question hey hi hello ok okay now yet mature ' +
    'maturity level enough used usable currently rn pls plz is-it thing stuff many count number anything ' +
    'something things available availability between since by am happened happen happening run running ' +
    'across after before from until prior have has had got get should shall may might must rely depend ' +
    'stay remain still yet go goes going currently considered count counts deal regarding re wrt when ' +
    'they them their those one ones kind sort far we re were been being as here need needs safely ' +
    'actually exactly service services'
  ).split(' '),
);
