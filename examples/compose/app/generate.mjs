// A tiny "application": creates an aivideoapi task, polls it, downloads the image.
const base = process.env.AIVIDEOAPI_BASE_URL
const headers = {
  authorization: `Bearer ${process.env.AIVIDEOAPI_API_KEY}`,
  'content-type': 'application/json',
}

const created = await fetch(`${base}/v1/images/generations`, {
  method: 'POST',
  headers,
  body: JSON.stringify({
    model: 'gpt-image-2',
    input: { prompt: 'a harbour at dawn', aspect_ratio: '16:9' },
  }),
}).then((r) => r.json())

let task
do {
  await new Promise((resolve) => setTimeout(resolve, 100))
  task = await fetch(`${base}/v1/tasks/${created.data.taskId}`, { headers }).then((r) => r.json())
  console.log(task.status)
} while (task.status === 'pending' || task.status === 'processing')

const image = await fetch(task.output.urls[0])
console.log(
  `${task.output.urls[0]}: ${image.status} ${image.headers.get('content-type')}, ${(await image.arrayBuffer()).byteLength} bytes`,
)
