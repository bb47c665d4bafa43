package org.audiu.models.trees;

/** How a tree picks the threshold of a candidate feature. */
enum SplitRule {
    /** The best threshold between consecutive distinct values (CART, random forest). */
    BEST,
    /** One uniformly random threshold between the node's minimum and maximum (extremely randomised trees). */
    RANDOM
}
