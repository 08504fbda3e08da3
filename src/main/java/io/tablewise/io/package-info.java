/**
 * Leaf file utilities shared by every package (atomic writes with a backup, content hashing). Depends on nothing
 * else in Tablewise, so even {@code flow} may use it.
 */
package io.tablewise.io;
