/** The Registry tab: model groups, versions, approval and aliases. */
package io.tablewise.ui.registry;
