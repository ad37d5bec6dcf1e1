//! Which way the window is drawn, chosen before it opens.
//!
//! eframe asks wgpu for the platform's preferred backend and exits when that adapter cannot give a device
//! (virtual machines, remote desktops, old drivers, Wine: "Device lost"). winit allows one event loop per
//! process, so there is no second try once `run_native` has failed: each way is probed here first, with the
//! device eframe will ask for, and the window is opened with the first that works.

use std::sync::Arc;

use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew, adapter_info_summary};
use eframe::wgpu;

/// One way to draw.
struct Way {
    /// What the log calls it.
    name: &'static str,
    backends: wgpu::Backends,
    /// Ask for the software adapter (DirectX's WARP, Vulkan's lavapipe) instead of a GPU.
    software: bool,
}

/// The ways, best first: the platform's own API, then OpenGL, then a software renderer.
const WAYS: [Way; 3] = [
    Way {
        name: "the GPU (Vulkan, DirectX 12 or Metal)", // not translated: log lines on stderr
        backends: wgpu::Backends::PRIMARY,
        software: false,
    },
    Way {
        name: "OpenGL", // not translated: log lines on stderr
        backends: wgpu::Backends::GL,
        software: false,
    },
    Way {
        name: "a software renderer", // not translated: log lines on stderr
        backends: wgpu::Backends::all(),
        software: true,
    },
];

/// The wgpu setup for the window: the first way whose adapter gives a device, pinned to that adapter.
/// `WGPU_BACKEND` (`vulkan`, `dx12`, `metal`, `gl`) still decides when set. When no way works, eframe's own
/// setup is returned so that its error says why. Each choice is written to the log (standard error).
pub fn wgpu_setup() -> WgpuSetup {
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    if let Ok(backend) = std::env::var("WGPU_BACKEND") {
        eprintln!("shrinkray: drawing with the backend WGPU_BACKEND names ({backend})");
        return WgpuSetup::CreateNew(setup);
    }
    for way in WAYS {
        match probe(&way, &setup) {
            Ok(info) => {
                eprintln!("shrinkray: drawing with {} ({})", way.name, adapter_info_summary(&info));
                setup.instance_descriptor.backends = way.backends;
                setup.native_adapter_selector = Some(Arc::new(move |adapters, _surface| {
                    adapters
                        .iter()
                        .find(|a| same_adapter(&a.get_info(), &info))
                        .cloned()
                        .ok_or_else(|| format!("the adapter probed ({}) is gone", info.name)) // not translated: log lines on stderr
                }));
                return WgpuSetup::CreateNew(setup);
            }
            Err(why) => eprintln!("shrinkray: {} cannot draw: {why}", way.name),
        }
    }
    eprintln!("shrinkray: no way to draw was found; trying wgpu's default");
    WgpuSetup::CreateNew(WgpuSetupCreateNew::without_display_handle())
}

/// Asks `way` for an adapter and, from it, the device eframe would ask for; the adapter's description when
/// both are given.
fn probe(way: &Way, setup: &WgpuSetupCreateNew) -> Result<wgpu::AdapterInfo, String> {
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends: way.backends,
        flags: setup.instance_descriptor.flags,
        memory_budget_thresholds: setup.instance_descriptor.memory_budget_thresholds,
        backend_options: setup.instance_descriptor.backend_options.clone(),
        display: None,
    });
    let adapter = pollster::block_on(instance.request_adapter(&wgpu::RequestAdapterOptions {
        power_preference: setup.power_preference,
        force_fallback_adapter: way.software,
        compatible_surface: None,
        ..Default::default()
    }))
    .map_err(|e| format!("no adapter ({e})"))?; // not translated: log lines on stderr
    let info = adapter.get_info();
    if way.software && info.device_type != wgpu::DeviceType::Cpu {
        return Err(format!("no software adapter ({} is a GPU)", info.name)); // not translated: log lines on stderr
    }
    pollster::block_on(adapter.request_device(&(setup.device_descriptor)(&adapter)))
        .map_err(|e| format!("{} gives no device ({e})", info.name))?; // not translated: log lines on stderr
    Ok(info)
}

/// Whether two descriptions are of one adapter.
fn same_adapter(a: &wgpu::AdapterInfo, b: &wgpu::AdapterInfo) -> bool {
    (a.backend, &a.name, a.vendor, a.device, a.device_type) == (b.backend, &b.name, b.vendor, b.device, b.device_type)
}
