/**
 * What the composition root gives surveillance from the other capabilities: places from the call console's
 * gazetteer, cameras from the control room's security generator, and incidents from both, bridged off the bus.
 */
package dev.switchboard.app.surveillance;
