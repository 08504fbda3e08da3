/** The studio's database connections: named connections edited and tested, a table browser with row counts. */
package io.tablewise.ui.connections;
