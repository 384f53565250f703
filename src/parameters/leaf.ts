import { leaf as coreLeaf } from '../core/parameters.js';

/**
 * The leaf builders the areas declare their parameters with. Every `source` must be an id of the
 * `sources` register; the register's test checks each one.
 *
 * @internal
 */
export const leaf = coreLeaf;
