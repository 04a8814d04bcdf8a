/** Generation on the GPU workers: style presets, requests, the gallery and where results are used. */
package dev.switchboard.studio.engine.generation;
